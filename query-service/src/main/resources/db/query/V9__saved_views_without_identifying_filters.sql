-- A saved view outlives the persons it finds: it keeps columns, sort and coded filters only, never a name or a
-- birth year (docs/privacy.md). Views saved before that rule lose those filters; one left with nothing goes.
-- (V9, not V8: V8 is left to a migration being written on another branch at the same time.)
update query.saved_view
   set query = trim(both '&' from regexp_replace(query, '(^|&)(name|birthYear)(=[^&]*)?(?=&|$)', '', 'g'))
 where query ~ '(^|&)(name|birthYear)(=|&|$)';
delete from query.saved_view where query = '';
