import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../electron/core/content/decode.js';

const ZH = '# 退款流程\n\n客服收到退款申请后，先核实订单状态，再按规则处理。\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from(ZH))).toEqual({ ok: true, text: ZH, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZH)]))).toMatchObject({ ok: true, text: ZH });
  });

  it('decodes UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(ZH, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ZH, 'utf-16be')]);
    expect(decodeText(le)).toEqual({ ok: true, text: ZH, encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ ok: true, text: ZH, encoding: 'utf-16be' });
  });

  it('decodes UTF-16 without BOM when the zero bytes give it away', () => {
    const text = '# Returns\n\nCheck the order first.\n';
    expect(decodeText(iconv.encode(text, 'utf-16le'))).toMatchObject({ ok: true, text, encoding: 'utf-16le', note: expect.stringMatching(/byte-order/) });
    expect(decodeText(iconv.encode(text, 'utf-16be'))).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
  });

  it('decodes GBK and GB18030', () => {
    expect(decodeText(iconv.encode(ZH, 'gbk'))).toMatchObject({ ok: true, text: ZH, encoding: 'gb18030', note: expect.stringMatching(/GBK/) });
    expect(decodeText(iconv.encode(ZH + '𠮷', 'gb18030'))).toMatchObject({ ok: true, text: ZH + '𠮷' });
  });

  it('refuses binary files', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const r = decodeText(png);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/binary/);
    expect(decodeText(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]))).toMatchObject({ ok: false });
  });

  it('reports bytes that are neither UTF-8 nor GB text instead of showing mojibake', () => {
    // Windows-1252 "café résumé": each é followed by ASCII would decode as a GBK extension character.
    const cp1252 = iconv.encode('Notes: café, résumé, naïve, über — déjà vu\n'.repeat(5), 'win1252');
    expect(decodeText(cp1252)).toMatchObject({ ok: false });
    // Big5 (traditional Chinese) is not GB text either.
    expect(decodeText(iconv.encode('退款流程：客服收到退款申請後，先核實訂單狀態。'.repeat(3), 'big5'))).toMatchObject({ ok: false });
    // Shift-JIS
    expect(decodeText(iconv.encode('返品の手続き：注文状況を確認してください。カスタマーサービス'.repeat(3), 'shift_jis'))).toMatchObject({ ok: false });
    // Random high bytes
    const rnd = Buffer.alloc(4000);
    let seed = 42;
    for (let i = 0; i < rnd.length; i++) rnd[i] = 0x80 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 128);
    expect(decodeText(rnd)).toMatchObject({ ok: false });
  });

  it('points at the line of the first bad byte in an almost-UTF-8 file', () => {
    const buf = Buffer.concat([Buffer.from('第一行\n第二行\n坏'), Buffer.from([0xe5, 0x28]), Buffer.from('\n')]);
    const r = decodeText(buf);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.line).toBe(3);
  });
});
