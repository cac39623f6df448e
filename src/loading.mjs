// Trunk's initializer for the app (index.html, `data-initializer`): while
// the WebAssembly module downloads, the loading line's bar shows how much
// has arrived (on a slow connection that is seconds), and if the module
// cannot be fetched or started, the line says so instead of promising
// forever. Trunk's loader calls these hooks around its own fetch of the
// module, counting the bytes as they arrive.
export default function loading() {
  const bar = () => document.querySelector("#mce-loading progress");
  return {
    onProgress({ current, total }) {
      // How the download goes, for the first view (src/first_view/), which
      // is not built when the editor is about to arrive anyway, and for its
      // loader (scripts/first-view-assets.mjs), which loads it after all
      // when a connection quick to answer is slow to bring the editor.
      const download = (window.mceEditorDownload ??= { since: performance.now(), first: current });
      Object.assign(download, { current, total, at: performance.now() });
      window.mceEditorProgress?.(download);
      const progress = bar();
      if (progress && total > 0) {
        progress.max = total;
        progress.value = Math.min(current, total);
      }
    },
    onFailure(error) {
      // Trunk's loader catches the failure, so the page's listener for
      // unhandled errors never hears of it.
      // index.html's handler looks at the host's files, then at the error.
      window.mceCouldNotStart?.(error);
    },
  };
}
