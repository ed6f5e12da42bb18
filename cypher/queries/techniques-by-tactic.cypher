// ---
// id: techniques-by-tactic
// name: Techniques most used, by tactic
// category: techniques
// description: For each tactic, the techniques actors use, ranked by the number of actors and of reports.
// columns: [tactic, technique, name, framework, actors, reports]
// ---
// Counted a technique at a time, then spread over its tactics: unwinding the tactics first
// counted the same sources again for each tactic.
MATCH (a:Actor)-[r:USES]->(t:Technique)
UNWIND r.sources AS report
WITH t, count(DISTINCT a) AS actors, count(DISTINCT report) AS reports
UNWIND t.tactics AS tactic
RETURN tactic, t.id AS technique, t.name AS name, t.framework AS framework, actors, reports
ORDER BY tactic, actors DESC, reports DESC, technique
