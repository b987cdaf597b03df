/**
 * Saves text as a file through the downloads API (a Blob URL, revoked once the browser has it).
 *
 * @example
 * await downloadText('block-log.csv', csv, 'text/csv');
 */
export async function downloadText(filename: string, text: string, type: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  try {
    await browser.downloads.download({ url, filename, saveAs: true });
  } finally {
    // Revoking at once can cancel the download in Chrome; a minute is ample to start it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
