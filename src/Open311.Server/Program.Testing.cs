// Makes the implicit Program class visible to WebApplicationFactory<Program> in the tests.
public partial class Program;
