// ---
// id: techniques-by-tactic
// name: Techniques most used, by tactic
// category: techniques
// description: For each tactic, the techniques actors use, ranked by the number of actors and of reports.
// columns: [tactic, technique, name, framework, actors, reports]
// ---
MATCH (a:Actor)-[r:USES]->(t:Technique)
UNWIND t.tactics AS tactic
UNWIND r.sources AS report
RETURN tactic, t.id AS technique, t.name AS name, t.framework AS framework,
       count(DISTINCT a) AS actors, count(DISTINCT report) AS reports
ORDER BY tactic, actors DESC, reports DESC, technique
