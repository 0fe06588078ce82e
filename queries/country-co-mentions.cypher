// country-co-mentions — the actors most often mentioned together with a country, strongest first.
// Strength is the number of distinct articles in which the two share a sentence window
// (the relationship's weight); sentences and NPMI break ties and show how exclusive the link is.
// @param country string  entity id of the country, e.g. country:IR (any entity id works)
// @param limit int = 10  how many rows
MATCH (c:Entity {id: $country})-[r:CO_MENTIONED]-(o:Entity)
RETURN
  o.id AS id,
  o.label AS label,
  o.kind AS kind,
  r.weight AS articles,
  r.evidence_total AS sentences,
  r.npmi AS npmi,
  r.first_seen AS first_seen,
  r.last_seen AS last_seen
ORDER BY articles DESC, sentences DESC, id
LIMIT $limit
