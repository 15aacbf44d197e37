using Open311.Core.Protocol;

namespace Open311.Core.Services;

/// <summary>The Service List and Service Definition responses.</summary>
public static class ServiceDocuments
{
    public static Element List(IEnumerable<Service> services) =>
        Element.List("services", services.Select(s => Element.Object(
            "service",
            Element.String("service_code", s.Code),
            Element.String("service_name", s.Name),
            Element.String("description", s.Description),
            Element.Boolean("metadata", s.Metadata),
            Element.String("type", ProtocolNames.Of(s.Type)),
            Element.String("keywords", s.Keywords.Count == 0 ? null : string.Join(", ", s.Keywords)),
            Element.String("group", s.Group))));

    public static Element Definition(Service service) =>
        Element.Object(
            "service_definition",
            Element.String("service_code", service.Code),
            Element.List("attributes", service.Attributes.Select(a => Element.Object(
                "attribute",
                Element.Boolean("variable", a.Variable),
                Element.String("code", a.Code),
                Element.String("datatype", ProtocolNames.Of(a.Datatype)),
                Element.Boolean("required", a.Required),
                Element.String("datatype_description", a.DatatypeDescription),
                Element.Integer("order", a.Order),
                Element.String("description", a.Description),
                a.IsList
                    ? Element.List("values", a.Values.Select(v => Element.Object("value", Element.String("key", v.Key), Element.String("name", v.Name))))
                    : null))));
}
