// actor-calls — whom an actor called (or was called by) in a date range, and what the articles said.
// Each row is one call as one article reports it: the other party, the topics, the outlet and
// the evidence sentences in their original script.
// @param actor string  entity id of the actor, e.g. person:sergey-lavrov
// @param from date  first day, YYYY-MM-DD
// @param to date  last day, YYYY-MM-DD
// @param topic string?  only calls about this conflict or place (e.g. place:gaza-strip); omit for all
// @param action string = "phone_call"  the interaction action (phone_call, meeting, visit, talks, …)
MATCH (actor:Entity {id: $actor})-[p:PARTICIPATED_IN]->(i:Interaction {action: $action})
WHERE i.date >= date($from) AND i.date <= date($to)
  AND ($topic IS NULL OR EXISTS { (i)-[:ABOUT]->(:Entity {id: $topic}) })
MATCH (other:Entity)-[:PARTICIPATED_IN]->(i)
WHERE other <> actor
MATCH (i)-[:REPORTED_IN]->(a:Article)
OPTIONAL MATCH (i)-[:EVIDENCED_BY]->(ev:Evidence)
WITH i, p, other, a, ev
ORDER BY ev.start
WITH i, p, other, a, collect(ev.text) AS evidence
RETURN
  i.date AS date,
  CASE p.role WHEN 'source' THEN 'called' WHEN 'target' THEN 'called by' ELSE 'with' END AS how,
  other.label AS other,
  other.id AS other_id,
  [(i)-[:ABOUT]->(t:Entity) | t.label] AS topics,
  a.outlet AS outlet,
  a.lang AS lang,
  a.id AS article,
  evidence
ORDER BY date, other_id, article
