// find-entity — look an actor up by name in any script (Arabic, Persian, English), best first.
// Uses the entity_names full-text index (labels in every language and every alias seen).
// @param name name  a name or part of one, in any script or spelling, e.g. لافروف, لاوروف or Lavrov
// @param limit int = 10  how many rows
CALL db.index.fulltext.queryNodes('entity_names', $name) YIELD node, score
RETURN
  node.id AS id,
  node.label AS label,
  node.kind AS kind,
  node.label_ar AS ar,
  node.label_fa AS fa,
  round(score, 3) AS score
ORDER BY score DESC, id
LIMIT $limit
