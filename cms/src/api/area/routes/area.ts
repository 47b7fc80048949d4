import { factories } from '@strapi/strapi';
import { publishedReadRoutes } from '../../../content-api/published-read';

export default factories.createCoreRouter('api::area.area', publishedReadRoutes('api::area.area'));
