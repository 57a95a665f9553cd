INSERT INTO organisations (id, name, role, created_at) VALUES (:id, :name, :role, :created_at)
