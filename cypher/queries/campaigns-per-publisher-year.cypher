// ---
// id: campaigns-per-publisher-year
// name: Campaigns per publisher and year
// category: reports
// description: How many campaigns each publisher described, year by year.
// columns: [publisher, year, reports, campaigns]
// ---
MATCH (r:Report)-[:DESCRIBES]->(c:Campaign)
RETURN r.publisher AS publisher, left(r.published, 4) AS year,
       count(DISTINCT r) AS reports, count(DISTINCT c) AS campaigns
ORDER BY publisher, year
