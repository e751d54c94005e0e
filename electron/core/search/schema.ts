/*
 * Index layout shared by the builder, the codec and the scorer. Bump ENGINE_VERSION whenever the
 * analyzer, the fields or the binary format change: it is part of the cache fingerprint.
 */
export const ENGINE_VERSION = 4;

export const FIELDS = ['title', 'headings', 'body', 'pinyin'] as const;
export type FieldName = (typeof FIELDS)[number];
export const F_TITLE = 0;
export const F_HEADINGS = 1;
export const F_BODY = 2;
export const F_PINYIN = 3;
export const NFIELDS = FIELDS.length;
/** lunr field boosts: title and headings (with tags) outweigh the body */
export const FIELD_BOOST = [5, 2, 1, 2.5];
export const TEXT_FIELDS = [F_TITLE, F_HEADINGS, F_BODY];
export const PINYIN_FIELDS = [F_PINYIN];

/** lunr's BM25 defaults */
export const K1 = 1.2;
export const B = 0.75;

export const KINDS = ['article', 'role', 'track'] as const;
