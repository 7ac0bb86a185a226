// Closing a modal exactly once. A <dialog>'s own close event arrives asynchronously (Esc, or after
// close()), so without this a late event from an old dialog could close the next one.
export function closeOnce(getDialog: () => HTMLDialogElement | undefined, onclose: () => void): () => void {
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    getDialog()?.close();
    onclose();
  };
}
