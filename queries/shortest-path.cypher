// shortest-path — the shortest chain of links between two actors, and what each link is.
// Links are co-mentions, offices and interactions (not articles or evidence), at most 10 hops.
// @param from string  entity id where the path starts, e.g. person:antony-blinken
// @param to string  entity id where it ends, e.g. person:hossein-amir-abdollahian
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:CO_MENTIONED|HOLDS_OFFICE|INTERACTED_WITH*..10]-(b))
RETURN
  length(p) AS hops,
  [n IN nodes(p) | n.label] AS path,
  [r IN relationships(p) | type(r) + coalesce(' ' + r.action, '') + coalesce(' ' + r.office, '')] AS via,
  [r IN relationships(p) | r.weight] AS weights
