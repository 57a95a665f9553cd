SELECT id, name, role, created_at FROM organisations WHERE id = :id
