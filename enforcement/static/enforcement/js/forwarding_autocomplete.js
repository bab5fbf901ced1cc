'use strict';
{
    const $ = django.jQuery;

    // Django's autocomplete sends only the term and the source field. These lists
    // also depend on other inputs of the form (data-forward: parameter → input
    // name), read at each search so that a changed case, field or date applies.
    function forwarded(element) {
        const values = {};
        for (const [parameter, name] of Object.entries(JSON.parse(element.dataset.forward))) {
            const input = element.form && element.form.elements.namedItem(name);
            if (input && input.value) {
                values[parameter] = input.value;
            }
        }
        return values;
    }

    $(function() {
        $('.forwarding-autocomplete').not('[name*=__prefix__]').each(function(i, element) {
            $(element).select2({
                ajax: {
                    data: (params) => Object.assign({
                        term: params.term,
                        page: params.page,
                        app_label: element.dataset.appLabel,
                        model_name: element.dataset.modelName,
                        field_name: element.dataset.fieldName
                    }, forwarded(element))
                }
            });
        });
    });
}
