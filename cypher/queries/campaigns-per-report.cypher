// ---
// id: campaigns-per-report
// name: Campaigns per report
// category: reports
// description: Each report with its publisher, date and the number of campaigns and actors it describes.
// columns: [published, publisher, report, title, campaigns, actors]
// ---
MATCH (r:Report)-[:DESCRIBES]->(c:Campaign)
OPTIONAL MATCH (c)-[:ATTRIBUTED_TO]->(a:Actor)
RETURN r.published AS published, r.publisher AS publisher, r.id AS report, r.name AS title,
       count(DISTINCT c) AS campaigns, count(DISTINCT a) AS actors
ORDER BY published, report
