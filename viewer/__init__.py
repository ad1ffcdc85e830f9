"""Reading stukken and generated PDFs in the browser (pdf.js) with personal notes per page."""
