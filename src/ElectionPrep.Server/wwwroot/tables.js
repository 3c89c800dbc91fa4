// On a phone site.css stacks each table row into a card, each cell read as "column: value": this gives every data cell its
// column's header as data-label, the rows a form table adds from its template included. Cells spanning columns, or labelled
// already, are left as they are. Without script the cards still fit the screen, unlabelled.
const label = (rows, headers) => {
    for (const row of rows) {
        let column = 0;
        for (const cell of row.cells) {
            if (cell.tagName === 'TD' && cell.colSpan === 1 && !cell.dataset.label && headers[column]) cell.dataset.label = headers[column];
            column += cell.colSpan;
        }
    }
};

for (const table of document.querySelectorAll('main table')) {
    const headers = [];
    for (const header of table.tHead?.rows[0]?.cells ?? []) {
        headers.push(header.textContent.trim().replace(/\s+/g, ' '));
        for (let i = 1; i < header.colSpan; i++) headers.push('');
    }
    if (headers.length === 0) continue;
    for (const body of table.tBodies) label(body.rows, headers);
    const template = table.dataset.rowTemplate && document.getElementById(table.dataset.rowTemplate);
    if (template) label(template.content.querySelectorAll('tr'), headers);
}
