// ---
// id: platforms-by-country
// name: AI platforms abused, by actor country
// category: platforms
// description: Which AI platforms actors linked to each country used or abused.
// columns: [country, platform, vendor, actors, actor_names]
// ---
MATCH (c:Country)<-[:LINKED_TO]-(a:Actor)-[:ABUSES]->(p:Platform)
RETURN c.id AS country, p.name AS platform, p.vendor AS vendor, count(DISTINCT a) AS actors,
       collect(DISTINCT a.name) AS actor_names
ORDER BY country, actors DESC, platform
