export default ({ env }) => ({
  upload: {
    config: {
      // Editors attach reports and pictures; nothing that a browser would run.
      sizeLimit: env.int('UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
      security: {
        allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'],
        deniedTypes: ['image/svg+xml', 'text/html', 'application/xhtml+xml', 'application/javascript', 'text/javascript', 'application/x-sh'],
      },
    },
  },
});
