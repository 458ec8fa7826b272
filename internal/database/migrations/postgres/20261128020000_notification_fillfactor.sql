-- Notifications are updated twice after they are written (claimed, then
-- sent), on columns no index covers. Room left in each page lets both
-- updates stay on the page (HOT: no new index entries, less WAL), which
-- is most of the store's work in a wave's fan-out. Rows already stored
-- keep their pages until they are rewritten.
ALTER TABLE "notifications" SET (fillfactor = 50);
