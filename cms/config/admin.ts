export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // Rate limit on the admin login endpoint (Strapi's own koa2-ratelimit based limiter).
  rateLimit: { enabled: true, interval: { min: 5 }, max: 10 },
});
