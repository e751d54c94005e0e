import yazl from 'yazl';

/**
 * A zip in memory of the given entries (name → text), in order. Entries as pairs may repeat a
 * name, as a hostile zip does.
 */
export function zipOf(files: Record<string, string | Buffer> | Array<[string, string | Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of Array.isArray(files) ? files : Object.entries(files)) zip.addBuffer(Buffer.from(body), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}
