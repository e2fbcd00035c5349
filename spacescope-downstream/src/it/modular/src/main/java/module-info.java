module com.example.modular {
  requires io.github.spacescopejava.client;
}
