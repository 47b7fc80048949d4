import { factories } from '@strapi/strapi';
import { publishedReadRoutes } from '../../../content-api/published-read';

export default factories.createCoreRouter('api::organisation.organisation', publishedReadRoutes('api::organisation.organisation'));
