/** /country/<iso>/events-N.csv|ics|json (N >= 2): the further parts of a country's downloads. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { countryExportParts, EXPORT_FORMATS, EXPORT_TYPES, exportBody, type ExportFormat, type ExportPart } from '../../../lib/country-exports.ts';
import { absoluteUrl } from '../../../lib/seo.ts';

export const getStaticPaths = (() =>
  countryExportParts()
    .filter((p) => p.part > 1)
    .flatMap((p) =>
      EXPORT_FORMATS.map((format) => ({ params: { iso: p.iso.toLowerCase(), part: String(p.part), format }, props: { p, format } })),
    )) satisfies GetStaticPaths;

interface Props {
  p: ExportPart;
  format: ExportFormat;
}

export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(exportBody(props.p, props.format, absoluteUrl('/', site)), { headers: { 'Content-Type': EXPORT_TYPES[props.format] } });
