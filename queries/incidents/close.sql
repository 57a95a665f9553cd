UPDATE incidents SET status = 'closed', closed_at = :at, closed_by = :by WHERE id = :id AND status = 'open'
