import type { Core } from '@strapi/strapi';
import crypto from 'crypto';

/**
 * The first start creates the super admin, so nobody has to race to the registration form of
 * an exposed admin panel. ADMIN_EMAIL / ADMIN_PASSWORD may be given; otherwise a password is
 * generated and printed once.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi) {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const email = process.env.ADMIN_EMAIL || 'admin@erfarenhetsbanken.local';
  const given = process.env.ADMIN_PASSWORD;
  // Strapi's policy: at least 8 characters with a lower-case letter, an upper-case letter and a digit.
  const password = given || `${crypto.randomBytes(15).toString('base64url')}aA1`;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email,
    firstname: 'Redaktör',
    lastname: 'Erfarenhetsbanken',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });

  const how = given ? 'lösenordet i ADMIN_PASSWORD' : `lösenord: ${password}   (visas bara nu, byt det efter första inloggningen)`;
  strapi.log.info(`Första administratören skapad: ${email}, ${how}`);
}
