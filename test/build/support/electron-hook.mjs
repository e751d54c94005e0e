// ESM loader hook (node:module `register`): `import … from 'electron'` gets the stand-in below,
// as Electron's own loader would hand the app its built-in module.
const FAKE = new URL('./fake-electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: FAKE, shortCircuit: true };
  return nextResolve(specifier, context);
}
