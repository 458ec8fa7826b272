package graph

import (
	"entgo.io/contrib/entgql"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/graph/model"

	"github.com/kartuprakerja/platform/internal/search"
)

// searchRequest turns searchCourses' arguments into a search request.
func searchRequest(query *string, f *model.CourseSearchFilter, sort *model.CourseSort, first *int, after *search.Cursor) search.Request {
	req := search.Request{First: first, After: after}
	if query != nil {
		req.Query = *query
	}
	if sort != nil {
		req.Sort = search.Sort(*sort)
	}
	if f == nil {
		return req
	}
	for _, c := range f.Categories {
		req.Filter.Categories = append(req.Filter.Categories, string(c))
	}
	for _, m := range f.Methods {
		req.Filter.Methods = append(req.Filter.Methods, string(m))
	}
	for _, id := range f.PlatformIds {
		req.Filter.PlatformIDs = append(req.Filter.PlatformIDs, string(id))
	}
	if f.MinPrice != nil {
		p := int64(*f.MinPrice)
		req.Filter.MinPrice = &p
	}
	if f.MaxPrice != nil {
		p := int64(*f.MaxPrice)
		req.Filter.MaxPrice = &p
	}
	req.Filter.MinRating = f.MinRating
	return req
}

// searchConnection is a search page as a Relay connection.
func searchConnection(p *search.Page) *model.CourseSearchConnection {
	c := &model.CourseSearchConnection{TotalCount: p.Total, Edges: make([]*model.CourseSearchEdge, len(p.Edges))}
	c.PageInfo = &entglPageInfo{HasNextPage: p.HasNext, HasPreviousPage: p.HasPrevious}
	for i, e := range p.Edges {
		c.Edges[i] = &model.CourseSearchEdge{Node: e.Course, Cursor: e.Cursor}
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.StartCursor, c.PageInfo.EndCursor = &c.Edges[0].Cursor, &c.Edges[n-1].Cursor
	}
	return c
}

type entglPageInfo = entgql.PageInfo[pulid.ID]
