/** Browser mode caps a request at 1 MB; base64 adds a third. Bigger images are re-encoded smaller. */
const SEND_LIMIT = 700 * 1024;
const MAX_SIDE = 1600;
const ACCEPTED = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** The image as base64, shrunk (longest side 1600 px, WebP) when it is too big or of another type. */
export async function imageToBase64(file: File): Promise<string> {
  let blob: Blob = file;
  if (file.size > SEND_LIMIT || !ACCEPTED.includes(file.type)) blob = await shrink(file);
  const buf = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function shrink(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  for (const [side, quality] of [[MAX_SIDE, 0.85], [1200, 0.75], [900, 0.7]] as const) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const out = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/webp', quality));
    if (out && out.size <= SEND_LIMIT) return out;
  }
  throw new Error('image too large');
}
