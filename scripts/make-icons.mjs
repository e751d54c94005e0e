// Renders build/icon.svg (the one source image) to the PNG sizes electron-builder wants, in Chromium.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const svg = fs.readFileSync('build/icon.svg', 'utf8');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync', '--disable-component-update'] });
const page = await browser.newPage();
fs.mkdirSync('build/icons', { recursive: true });
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  const file = size === 1024 ? 'build/icon.png' : `build/icons/${size}x${size}.png`;
  await page.screenshot({ path: file, omitBackground: true });
}
await browser.close();
console.log('icons written: build/icon.png and build/icons/*.png');
