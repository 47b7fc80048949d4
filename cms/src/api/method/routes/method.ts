import { factories } from '@strapi/strapi';
import { publishedReadRoutes } from '../../../content-api/published-read';

export default factories.createCoreRouter('api::method.method', publishedReadRoutes('api::method.method'));
