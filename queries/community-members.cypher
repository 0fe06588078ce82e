// community-members — the members of a Louvain community (of the last loaded build), by PageRank.
// Name the community by its number, or by one of its members.
// @param community int?  community number (an entity's `community` property)
// @param member string?  or: an entity id whose community to list, e.g. person:sergey-lavrov
// @param limit int = 50  how many rows
OPTIONAL MATCH (m:Entity {id: $member})
WITH coalesce($community, m.community) AS wanted
MATCH (e:Entity)
WHERE e.community = wanted
RETURN
  e.community AS community,
  e.id AS id,
  e.label AS label,
  e.kind AS kind,
  round(e.pagerank, 4) AS pagerank,
  e.article_count AS articles
ORDER BY pagerank DESC, id
LIMIT $limit
