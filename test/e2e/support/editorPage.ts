import type { Page } from 'playwright-core';

/** The trainer's editor as a person uses it: unlock with the trainer's passphrase, type, read back what is there. */
export class EditorPage {
  constructor(readonly page: Page, readonly passphrase: string) {}

  async open(hash: string) {
    await this.page.evaluate((h) => { location.hash = h; }, hash);
    await this.unlockIfAsked();
  }

  /** The passphrase prompt shows after a reload or a profile switch (the session lives in memory only). */
  async unlockIfAsked() {
    const secret = this.page.getByTestId('unlock-secret');
    const ready = this.page.locator('[data-testid=markdown-editor], .quiz-editor, .track-editor, .content-page');
    await Promise.race([secret.waitFor(), ready.first().waitFor()]);
    if (await secret.isVisible()) {
      await secret.fill(this.passphrase);
      await this.page.getByTestId('edit-unlock').click();
    }
    await ready.first().waitFor();
  }

  /** Types at the end of the article body, as a trainer adding a paragraph would. */
  async appendToBody(text: string) {
    const editor = this.page.getByTestId('markdown-editor');
    await editor.waitFor();
    await editor.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.insertText(text);
  }

  /**
   * The body as the live preview renders it: CodeMirror draws only the lines on screen, so the
   * editor's own DOM would miss a paragraph typed at the end of a long article.
   */
  body() {
    return this.page.locator('.preview-pane').textContent();
  }

  draftBanner() {
    return this.page.getByTestId('draft-restored');
  }
}
