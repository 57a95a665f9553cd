-- Whether a building received an alert, and through which firm.
SELECT firm_id FROM alert_recipients WHERE alert_id = :alert_id AND building_id = :building_id
