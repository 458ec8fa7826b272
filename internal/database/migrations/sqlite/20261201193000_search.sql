-- Catalogue search (internal/search, internal/database/search.go). Written by
-- hand: ent does not manage these tables, and migrategen only diffs the
-- tables of the ent schema, so it leaves them alone.
-- course_search_rows gives each course the integer rowid FTS5 needs.
CREATE TABLE `course_search_rows` (`rowid` integer NOT NULL PRIMARY KEY, `course_id` text NOT NULL);
CREATE UNIQUE INDEX `course_search_rows_course_id` ON `course_search_rows` (`course_id`);
-- The search documents: each column holds the stems of a course's words
-- (internal/search/stem, the Snowball Indonesian stemmer PostgreSQL runs).
CREATE VIRTUAL TABLE `course_search_fts` USING fts5(`title`, `tags`, `outline`, `description`, tokenize = 'unicode61 remove_diacritics 2', detail = 'column');
-- The vocabulary of titles and tags, by trigrams: a misspelt word of a query
-- is matched to its nearest words (typo tolerance). Each word is stored
-- padded as PostgreSQL's pg_trgm pads it ("  word "), so the first and last
-- letters make trigrams too.
CREATE TABLE `course_search_words` (`rowid` integer NOT NULL PRIMARY KEY, `word` text NOT NULL);
CREATE UNIQUE INDEX `course_search_words_word` ON `course_search_words` (`word`);
CREATE VIRTUAL TABLE `course_search_trigrams` USING fts5(`word`, tokenize = 'trigram');
