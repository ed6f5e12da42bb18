// ---
// id: unattributed-campaigns
// name: Campaigns with no actor
// category: campaigns
// description: Campaigns that no report attributes to an actor, with the reports that describe them.
// columns: [campaign, first_seen, reports]
// ---
MATCH (r:Report)-[:DESCRIBES]->(c:Campaign)
WHERE NOT EXISTS { MATCH (c)-[:ATTRIBUTED_TO]->(:Actor) }
RETURN c.name AS campaign, c.first_seen AS first_seen, collect(DISTINCT r.id) AS reports
ORDER BY first_seen, campaign
