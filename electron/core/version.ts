/** Replaced at bundle time by esbuild's `define`; the source fallback serves tests. */
declare const __HANDBOOK_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __HANDBOOK_VERSION__ === 'string' ? __HANDBOOK_VERSION__ : '0.1.0-dev';
