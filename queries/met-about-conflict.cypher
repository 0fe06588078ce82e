// met-about-conflict — who met whom about a conflict (or a place), when, and where it was reported.
// @param conflict string  entity id of the conflict or place, e.g. conflict:israel-hamas-war
// @param actions list = ["meeting","talks","visit"]  interaction actions that count as meeting
MATCH (c:Entity {id: $conflict})<-[:ABOUT]-(i:Interaction)-[:REPORTED_IN]->(a:Article)
WHERE i.action IN $actions
MATCH (x:Entity)-[:PARTICIPATED_IN]->(i)<-[:PARTICIPATED_IN]-(y:Entity)
WHERE x.id < y.id
OPTIONAL MATCH (i)-[:EVIDENCED_BY]->(ev:Evidence)
WITH i, x, y, a, ev
ORDER BY ev.start
WITH i, x, y, a, collect(ev.text) AS evidence
RETURN
  i.date AS date,
  x.label AS actor,
  y.label AS met,
  i.action AS action,
  a.outlet AS outlet,
  a.lang AS lang,
  evidence
ORDER BY date, actor, met
