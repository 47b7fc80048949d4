/**
 * Swedish labels for the admin panel. Field names in code stay English; editors see these.
 * The validation messages use them too, so an editor recognises the field an error names.
 */
export const FIELD_LABELS: Record<string, Record<string, string>> = {
  'api::initiative.initiative': {
    title: 'Titel', slug: 'Slug (webbadress)', summary: 'Sammanfattning', description: 'Beskrivning',
    category: 'Kategori', startYear: 'Startår', endYear: 'Slutår', periodNote: 'Kommentar om period',
    municipality: 'Kommun', funding: 'Finansiering', amountSek: 'Belopp (kr)', goals: 'Mål',
    outcomes: 'Resultat', notes: 'Redaktionell anteckning', areas: 'Områden', participants: 'Deltagande aktörer',
    funders: 'Finansiärer', methods: 'Metoder', themes: 'Teman', sources: 'Källor', predecessors: 'Föregångare',
  },
  'api::lesson.lesson': {
    title: 'Titel', slug: 'Slug (webbadress)', type: 'Typ av lärdom', body: 'Text', evidenceKind: 'Typ av underlag',
    initiatives: 'Insatser', themes: 'Teman', methods: 'Metoder', citations: 'Källhänvisningar',
  },
  'api::source.source': {
    title: 'Titel', slug: 'Slug (webbadress)', authors: 'Författare', publisher: 'Utgivare', year: 'Utgivningsår',
    type: 'Typ av källa', url: 'Webbadress (URL)', isbn: 'ISBN', notes: 'Anteckningar',
  },
  'api::area.area': {
    name: 'Namn', slug: 'Slug (webbadress)', municipality: 'Kommun', kind: 'Typ av område',
    description: 'Beskrivning', parent: 'Ingår i',
  },
  'api::organisation.organisation': {
    name: 'Namn', slug: 'Slug (webbadress)', kind: 'Typ av aktör', description: 'Beskrivning', url: 'Webbadress (URL)',
  },
  'api::method.method': { name: 'Namn', slug: 'Slug (webbadress)', description: 'Beskrivning' },
  'api::theme.theme': { name: 'Namn', slug: 'Slug (webbadress)', description: 'Beskrivning' },
  'shared.citation': { source: 'Källa', pages: 'Sidor', quote: 'Citat (högst cirka 25 ord)' },
};

export const BANK_CONTENT_TYPES = Object.keys(FIELD_LABELS).filter((uid) => uid.startsWith('api::'));

export function fieldLabel(uid: string, field: string): string {
  return FIELD_LABELS[uid]?.[field] ?? field;
}
