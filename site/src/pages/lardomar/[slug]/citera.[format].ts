import type { APIRoute } from 'astro';
import { citationPaths, citationResponse } from '../../../lib/cite';

/** BibTeX, RIS and CSL-JSON for the page above, as static files (see lib/citation/). */
export const getStaticPaths = () => citationPaths('lesson');
export const GET: APIRoute = ({ params, site }) => citationResponse('lesson', params.slug!, params.format!, site!);
