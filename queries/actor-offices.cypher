// actor-offices — the offices an actor holds or held: dated terms from the lexicon, and how many
// articles name the office, with a sample sentence.
// @param actor string  entity id of the actor, e.g. person:hossein-amir-abdollahian
MATCH (p:Entity {id: $actor})-[r:HOLDS_OFFICE]->(o:Entity)
OPTIONAL MATCH (ev:Evidence {rel: r.key})
WITH r, o, ev
ORDER BY ev.date, ev.id
WITH r, o, collect(ev.text)[0..1] AS sample
RETURN
  r.office AS office,
  o.label AS of,
  o.id AS of_id,
  r.from AS from,
  r.to AS to,
  coalesce(r.lexicon, false) AS lexicon,
  r.weight AS articles,
  r.first_seen AS first_seen,
  r.last_seen AS last_seen,
  sample
ORDER BY from, office
