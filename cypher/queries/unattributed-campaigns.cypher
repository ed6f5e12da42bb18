// ---
// id: unattributed-campaigns
// name: Campaigns with no actor
// category: campaigns
// description: Campaigns that no report attributes to an actor, with the reports that describe them.
// columns: [campaign, first_seen, reports]
// ---
// From the campaigns, each tested by its degree (only actors are attributed to, the schema):
// started from the reports, every edge of every campaign was read for its far end's label.
MATCH (c:Campaign)
WHERE COUNT { MATCH (c)-[:ATTRIBUTED_TO]->() } = 0
MATCH (r:Report)-[:DESCRIBES]->(c)
RETURN c.name AS campaign, c.first_seen AS first_seen, collect(DISTINCT r.id) AS reports
ORDER BY first_seen, campaign
