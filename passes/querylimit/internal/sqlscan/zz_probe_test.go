package sqlscan

import "testing"

func TestZZProbe(t *testing.T) {
	for _, q := range []string{
		`SELECT p.id, u.id AS user_id FROM posts p INNER JOIN users u ON u.id = p.user_id AND u.tenant_id = p.tenant_id WHERE p.tenant_id = $1 AND p.is_approved = false and p.status <> $2 ORDER BY p.created_at DESC`,
		`SELECT DISTINCT u.id, u.name FROM users u LEFT JOIN user_settings set ON set.user_id = u.id AND set.tenant_id = u.tenant_id AND set.key = $1 WHERE u.tenant_id = $2 AND u.status = $5 AND ( (set.value IS NULL AND u.role = ANY($3)) OR CAST(set.value AS integer) & $4 > 0 ) ORDER by u.id`,
	} {
		info := Analyze(q)
		s := ScopeOf(info.Tokens, nil)
		t.Logf("%+v tableSized=%v main=%s", s, s.TableSized(), MainTable(info.Tokens))
	}
}
