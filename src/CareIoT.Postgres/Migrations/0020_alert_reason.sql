-- What the rule saw when it raised the alert ("heart rate 75/min, usual 44–53, for 00:02:00"): the detail shows it.
ALTER TABLE alerts ADD COLUMN reason text;
