export default defineBackground(() => {
  // The one writer of records; message handlers are registered in lib/storage.
});
