"""The estate's pages: tables of systems, data links, open data, services and the committee, with forms."""
