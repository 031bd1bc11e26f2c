// Placeholder until the schema lands: the rules work replaces this with a schema the type derives from.
export interface SiteRule {
  id: string;
  match: string[];
  enabled: boolean;
  article?: string;
  remove?: string[];
  removeText?: string[];
  title?: string;
  byline?: string;
  notes?: string;
}
