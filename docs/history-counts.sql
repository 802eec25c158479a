-- Count tables of a history, made where the history lives (docs/history.md, count tables).
--
-- Reads two tables shaped like the files of docs/history.md:
--   snapshots(contract_id, customer_id, month, product, tier, origination_date, maturity_date,
--             status, days_past_due, balance)          -- month 'YYYY-MM', dates 'YYYY-MM-DD'
--   events(contract_id, month, event, amount, guide_residual, customer_id)
-- and returns the rows of counts.csv: rate, product, tier, bucket, band, period, contracts, exposure,
-- events, sum_e2, sum_n2, sum_en. Export them with a header, comma-separated, '.' as decimal point,
-- and give the file to `cyclecast calibrate --counts` (or drop it on the workbench): no contract
-- level data leaves the warehouse.
--
-- Standard SQL with window functions. Checked in SQLite (≥ 3.25), where a test compares it row for
-- row with `cyclecast history count`; other databases are not checked: where `/` of two integers is
-- not integer division (BigQuery), write DIV(o.om, 12); where VALUES needs a FROM (Oracle), rewrite
-- the two VALUES lists as SELECT … FROM dual UNION ALL …. Tier: map rating grades to
-- prime / near-prime / subprime in the snapshots view first, or leave tier NULL (counted as '*').
-- A history without events: create an empty events table; renewals and recoveries are then not counted.
-- The unusual periods are those of docs/history.md; change them in `unusual` (and tell the estimator).

WITH
unusual (id, first_month, last_month, rate) AS (
  VALUES
    ('moratorium', 2020 * 12 + 2, 2021 * 12 + 11, 'roll'),
    ('moratorium', 2020 * 12 + 2, 2021 * 12 + 11, 'cure'),
    ('moratorium', 2020 * 12 + 2, 2021 * 12 + 11, 'default'),
    ('used-price-spike', 2021 * 12 + 5, 2022 * 12 + 11, 'early-settlement'),
    ('used-price-spike', 2021 * 12 + 5, 2022 * 12 + 11, 'renewal-at-maturity'),
    ('used-price-spike', 2021 * 12 + 5, 2022 * 12 + 11, 'residual-result-at-return'),
    ('used-price-spike', 2021 * 12 + 5, 2022 * 12 + 11, 'recovery'),
    ('used-price-spike', 2021 * 12 + 5, 2022 * 12 + 11, 'recovery-months')
),
-- Months as numbers: year * 12 + month - 1.
ev AS (
  SELECT contract_id, customer_id, event, amount, guide_residual,
         CAST(SUBSTR(month, 1, 4) AS INTEGER) * 12 + CAST(SUBSTR(month, 6, 2) AS INTEGER) - 1 AS m
  FROM events
),
s0 AS (
  SELECT s.contract_id, s.customer_id, s.product, COALESCE(s.tier, '*') AS tier, s.status, s.balance,
         CAST(SUBSTR(s.month, 1, 4) AS INTEGER) * 12 + CAST(SUBSTR(s.month, 6, 2) AS INTEGER) - 1 AS m,
         CAST(SUBSTR(s.origination_date, 1, 4) AS INTEGER) * 12 + CAST(SUBSTR(s.origination_date, 6, 2) AS INTEGER) - 1 AS orig_m,
         CAST(SUBSTR(s.maturity_date, 1, 4) AS INTEGER) * 12 + CAST(SUBSTR(s.maturity_date, 6, 2) AS INTEGER) - 1 AS mat_m,
         CASE WHEN s.days_past_due <= 0 THEN 0 WHEN s.days_past_due <= 30 THEN 1
              WHEN s.days_past_due <= 60 THEN 2 WHEN s.days_past_due <= 90 THEN 3 ELSE 4 END AS bucket
  FROM snapshots s
),
history_end AS (SELECT MAX(m) AS end_m FROM s0),
-- The first terminating event of each contract (dated the month after its last snapshot).
term AS (
  SELECT contract_id, MIN(m) AS term_m FROM ev
  WHERE event IN ('terminated-maturity-return', 'terminated-maturity-purchase', 'terminated-early-settlement',
                  'terminated-early-upgrade', 'charge-off', 'repossession')
  GROUP BY contract_id
),
ending AS (
  SELECT t.contract_id, t.term_m, MIN(e.event) AS term_event
  FROM term t JOIN ev e ON e.contract_id = t.contract_id AND e.m = t.term_m
   AND e.event IN ('terminated-maturity-return', 'terminated-maturity-purchase', 'terminated-early-settlement',
                   'terminated-early-upgrade', 'charge-off', 'repossession')
  GROUP BY t.contract_id, t.term_m
),
-- EBA default triggers: 91+ days past due, workout (unlikeliness to pay), a default event; a cure event.
s1 AS (
  SELECT s0.*,
         CASE WHEN s0.bucket = 4 OR s0.status = 'workout'
                OR EXISTS (SELECT 1 FROM ev WHERE ev.contract_id = s0.contract_id AND ev.m = s0.m AND ev.event = 'default')
              THEN 1 ELSE 0 END AS trig,
         CASE WHEN EXISTS (SELECT 1 FROM ev WHERE ev.contract_id = s0.contract_id AND ev.m = s0.m AND ev.event = 'cure')
              THEN 1 ELSE 0 END AS cure_ev
  FROM s0
),
s2 AS (
  SELECT s1.*,
         MAX(CASE WHEN trig = 1 THEN m END) OVER w AS last_trig,
         MAX(CASE WHEN cure_ev = 1 AND trig = 0 THEN m END) OVER w AS last_cure,
         MIN(m) OVER (PARTITION BY contract_id) AS first_m,
         MAX(m) OVER (PARTITION BY contract_id) AS last_m
  FROM s1
  WINDOW w AS (PARTITION BY contract_id ORDER BY m ROWS UNBOUNDED PRECEDING)
),
-- In default from a trigger until three month-ends without one (EBA probation), or a cure event.
s3 AS (
  SELECT s2.*,
         CASE WHEN last_trig IS NOT NULL AND last_trig >= m - 2 AND (last_cure IS NULL OR last_cure <= last_trig)
              THEN 1 ELSE 0 END AS dflt
  FROM s2
),
s4 AS (
  SELECT s3.*,
         LEAD(m) OVER (PARTITION BY contract_id ORDER BY m) AS next_m,
         LEAD(bucket) OVER (PARTITION BY contract_id ORDER BY m) AS next_bucket,
         LEAD(dflt) OVER (PARTITION BY contract_id ORDER BY m) AS next_dflt,
         LAG(dflt) OVER (PARTITION BY contract_id ORDER BY m) AS prev_dflt,
         CASE WHEN m - orig_m < 6 THEN '0-5' WHEN m - orig_m < 12 THEN '6-11' WHEN m - orig_m < 24 THEN '12-23'
              WHEN m - orig_m < 36 THEN '24-35' WHEN m - orig_m < 48 THEN '36-47' ELSE '48+' END AS band
  FROM s3
),
-- The last row of each contract, with how it ended (NULL: no event; then it ended the month after,
-- unless that month is past the history's end: still open).
last_row AS (
  SELECT s4.*, en.term_event, h.end_m,
         CASE WHEN en.term_event IS NOT NULL OR s4.m < h.end_m THEN 1 ELSE 0 END AS ended
  FROM s4 CROSS JOIN history_end h LEFT JOIN ending en ON en.contract_id = s4.contract_id
  WHERE s4.next_m IS NULL
),
bucket_name (b, name) AS (VALUES (0, 'current'), (1, '1-30'), (2, '31-60'), (3, '61-90'), (4, '91+')),
-- Each observation: a contract's exposure e and events n in a cell, at its outcome month.
obs (contract_id, rate, product, tier, bucket, band, om, e, n) AS (
  SELECT contract_id, 'roll', '*', tier, bucket, '*', next_m, 1, CASE WHEN next_bucket > bucket THEN 1 ELSE 0 END
  FROM s4 WHERE next_m IS NOT NULL AND bucket < 4
  UNION ALL
  SELECT contract_id, 'cure', '*', tier, bucket, '*', next_m, 1, CASE WHEN next_bucket = 0 THEN 1 ELSE 0 END
  FROM s4 WHERE next_m IS NOT NULL AND bucket BETWEEN 1 AND 3
  UNION ALL
  SELECT contract_id, 'cure', '*', tier, 4, '*', next_m, 1, 1 - next_dflt
  FROM s4 WHERE next_m IS NOT NULL AND dflt = 1
  UNION ALL
  SELECT contract_id, 'default', product, tier, -1, band, next_m, 1, next_dflt
  FROM s4 WHERE next_m IS NOT NULL AND dflt = 0
  UNION ALL
  SELECT contract_id, 'early-settlement', product, '*', -1, band, next_m, 1, 0
  FROM s4 WHERE next_m IS NOT NULL AND dflt = 0 AND next_m < mat_m
  UNION ALL
  SELECT contract_id, 'default', product, tier, -1, band, m + 1, 1,
         CASE WHEN term_event IN ('charge-off', 'repossession')
                OR EXISTS (SELECT 1 FROM ev WHERE ev.contract_id = last_row.contract_id AND ev.m = last_row.m + 1 AND ev.event = 'default')
              THEN 1 ELSE 0 END
  FROM last_row WHERE ended = 1 AND dflt = 0
  UNION ALL
  SELECT contract_id, 'early-settlement', product, '*', -1, band, m + 1, 1,
         CASE WHEN term_event IS NULL OR term_event = 'terminated-early-settlement' THEN 1 ELSE 0 END
  FROM last_row WHERE ended = 1 AND dflt = 0 AND m + 1 < mat_m
  UNION ALL
  -- Renewal: a new contract of the customer within ±6 months of the maturity (seen only if the history runs 6 months past it).
  SELECT contract_id, 'renewal-at-maturity', product, '*', -1, '*', m + 1, 1,
         CASE WHEN EXISTS (SELECT 1 FROM ev WHERE ev.event = 'new-contract' AND ev.customer_id = last_row.customer_id
                             AND ev.m > last_row.orig_m AND ev.m BETWEEN last_row.m + 1 - 6 AND last_row.m + 1 + 6)
              THEN 1 ELSE 0 END
  FROM last_row
  WHERE EXISTS (SELECT 1 FROM ev) AND m + 1 + 6 <= end_m
    AND (term_event IN ('terminated-maturity-return', 'terminated-maturity-purchase')
         OR (term_event IS NULL AND dflt = 0 AND m + 1 >= mat_m))
  UNION ALL
  -- Residual result: sale price against guide residual of a vehicle returned at maturity.
  SELECT l.contract_id, 'residual-result-at-return', l.product, '*', -1, '*', e.m, e.guide_residual, e.amount
  FROM last_row l JOIN ev e ON e.contract_id = l.contract_id AND e.event = 'vehicle-sale'
  WHERE l.term_event = 'terminated-maturity-return' AND e.guide_residual IS NOT NULL AND e.amount IS NOT NULL
),
-- Recoveries of the default a contract ended in: € recovered per € at default, months to the last recovery.
spell AS (
  SELECT l.contract_id, l.product, l.end_m, l.m AS last_m,
         CASE WHEN l.dflt = 1 THEN (SELECT MAX(x.m) FROM s4 x WHERE x.contract_id = l.contract_id AND x.dflt = 1
                                      AND (x.prev_dflt IS NULL OR x.prev_dflt = 0)
                                      AND NOT (x.m = x.first_m AND x.first_m > x.orig_m))
              ELSE l.m + 1 END AS start_m
  FROM last_row l
  WHERE EXISTS (SELECT 1 FROM ev)
    AND (l.term_event IS NULL OR l.term_event NOT IN ('terminated-maturity-return', 'terminated-maturity-purchase'))
    AND (l.dflt = 1 OR l.term_event IN ('charge-off', 'repossession'))
),
spell_exposure AS (
  SELECT sp.contract_id, sp.product, sp.start_m, sp.end_m, sp.last_m,
         CASE WHEN sp.start_m = sp.last_m + 1 THEN (SELECT x.balance FROM s4 x WHERE x.contract_id = sp.contract_id AND x.m = sp.last_m)
              ELSE (SELECT x.balance FROM s4 x WHERE x.contract_id = sp.contract_id AND x.m = sp.start_m) END AS ead
  FROM spell sp
  WHERE sp.start_m IS NOT NULL
),
recovered AS (
  SELECT se.contract_id, se.product, se.start_m, se.ead, se.end_m, se.last_m,
         COALESCE(SUM(e.amount), 0) AS amount, MAX(e.m) AS last_recovery_m
  FROM spell_exposure se LEFT JOIN ev e
    ON e.contract_id = se.contract_id AND e.event IN ('recovery', 'vehicle-sale') AND e.m >= se.start_m
  WHERE se.ead > 0
    AND CASE WHEN se.start_m + 24 > se.last_m + 1 THEN se.start_m + 24 ELSE se.last_m + 1 END <= se.end_m
  GROUP BY se.contract_id, se.product, se.start_m, se.ead, se.end_m, se.last_m
),
all_obs AS (
  SELECT * FROM obs
  UNION ALL
  SELECT contract_id, 'recovery', product, '*', -1, '*', start_m, ead, amount FROM recovered
  UNION ALL
  SELECT contract_id, 'recovery-months', product, '*', -1, '*', start_m, 1, last_recovery_m - start_m
  FROM recovered WHERE amount > 0
),
-- The period of each observation: its unusual period, else its calendar year; and the base.
periods AS (
  SELECT o.contract_id, o.rate, o.product, o.tier, o.bucket, o.band, o.e, o.n,
         COALESCE(u.id, CAST(o.om / 12 AS VARCHAR(4))) AS period, CASE WHEN u.id IS NULL THEN 1 ELSE 0 END AS in_base
  FROM all_obs o LEFT JOIN unusual u ON u.rate = o.rate AND o.om BETWEEN u.first_month AND u.last_month
),
per_contract AS (
  SELECT contract_id, rate, product, tier, bucket, band, period, SUM(e) AS e, SUM(n) AS n
  FROM periods GROUP BY contract_id, rate, product, tier, bucket, band, period
  UNION ALL
  SELECT contract_id, rate, product, tier, bucket, band, 'base', SUM(e), SUM(n)
  FROM periods WHERE in_base = 1 GROUP BY contract_id, rate, product, tier, bucket, band
)
SELECT p.rate, p.product, p.tier, COALESCE(b.name, '*') AS bucket, p.band, p.period,
       COUNT(*) AS contracts, SUM(p.e) AS exposure, SUM(p.n) AS events,
       SUM(p.e * p.e) AS sum_e2, SUM(p.n * p.n) AS sum_n2, SUM(p.e * p.n) AS sum_en
FROM per_contract p LEFT JOIN bucket_name b ON b.b = p.bucket
GROUP BY p.rate, p.product, p.tier, b.name, p.band, p.period
ORDER BY p.rate, p.product, p.tier, bucket, p.band, p.period;
